package com.mrmentor.platform.runtime.crm;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.mrmentor.platform.command.crm.LeadAssignmentSweep;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Every 15 minutes ({@code platform.crm.sweep-interval}), on one node of the cluster: retry the unassigned queue. */
@Configuration(proxyBeanMethods = false)
class CrmSchedules {

    @Bean
    RecurringTask<Void> crmUnassignedSweep(LeadAssignmentSweep sweep,
                                           @Value("${platform.crm.sweep-interval:PT15M}") Duration interval) {
        return Tasks.recurring("crm-unassigned-sweep", Schedules.fixedDelay(interval))
                .execute((instance, context) -> sweep.sweep());
    }
}
