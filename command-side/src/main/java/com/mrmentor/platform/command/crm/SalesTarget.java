package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.shared.crm.CrmIds;
import com.mrmentor.platform.shared.crm.SalesTargetSet;
import com.mrmentor.platform.shared.crm.SetSalesTarget;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One rep's targets for one month; setting them again replaces them (each setting is an event). */
@Aggregate
public class SalesTarget {

    @AggregateIdentifier
    private String id;

    protected SalesTarget() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetSalesTarget command, Clock clock) {
        if (command.repId() == null) {
            throw CrmRules.missing("rep");
        }
        if (command.month() == null) {
            throw CrmRules.missing("month");
        }
        if (command.calls() < 0 || command.calls() > 100_000 || command.conversions() < 0
                || command.conversions() > 10_000) {
            throw CrmRules.invalid("target", "must be 0 to 100000 calls and 0 to 10000 conversions");
        }
        apply(new SalesTargetSet(command.repId(), command.month(), command.calls(), command.conversions(),
                command.setBy(), clock.instant()));
    }

    @EventSourcingHandler
    void on(SalesTargetSet event) {
        id = CrmIds.target(event.repId(), event.month());
    }
}
