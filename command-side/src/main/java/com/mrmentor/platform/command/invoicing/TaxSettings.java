package com.mrmentor.platform.command.invoicing;

import com.mrmentor.platform.shared.invoicing.ChangePointOfTaxation;
import com.mrmentor.platform.shared.invoicing.InvoicingIds;
import com.mrmentor.platform.shared.invoicing.PointOfTaxation;
import com.mrmentor.platform.shared.invoicing.PointOfTaxationChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The platform's tax settings (one instance, {@code tax-settings}): the point of taxation of new purchases. Until
 * finance first changes it, the configured default applies. Each purchase records the setting it was made under,
 * so a change never re-taxes earlier purchases.
 */
@Aggregate
public class TaxSettings {

    @AggregateIdentifier
    private String id;
    private PointOfTaxation pointOfTaxation;

    /** For Axon, which rebuilds the settings from their events. */
    protected TaxSettings() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PointOfTaxation handle(ChangePointOfTaxation command, InvoicingPolicy policy, Clock clock) {
        if (command.pointOfTaxation() == null) {
            throw InvoicingRules.missing("point-of-taxation");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw InvoicingRules.missing("reason");
        }
        PointOfTaxation current = pointOfTaxation == null ? policy.pointOfTaxation() : pointOfTaxation;
        if (current == command.pointOfTaxation()) {
            throw InvoicingRules.pointOfTaxationUnchanged();
        }
        apply(new PointOfTaxationChanged(command.pointOfTaxation(), current, command.reason().trim(),
                command.changedBy(), clock.instant()));
        return command.pointOfTaxation();
    }

    public PointOfTaxation pointOfTaxation() {
        return pointOfTaxation;
    }

    @EventSourcingHandler
    void on(PointOfTaxationChanged event) {
        id = InvoicingIds.SETTINGS;
        pointOfTaxation = event.pointOfTaxation();
    }
}
