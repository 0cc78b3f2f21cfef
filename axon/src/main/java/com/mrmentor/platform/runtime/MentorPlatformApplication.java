package com.mrmentor.platform.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Starts the whole platform in one process: command side, projections, query side and sagas. */
@SpringBootApplication(scanBasePackages = "com.mrmentor.platform")
@ConfigurationPropertiesScan("com.mrmentor.platform")
@EntityScan("com.mrmentor.platform.projections")
@EnableJpaRepositories("com.mrmentor.platform.projections")
public class MentorPlatformApplication {

    static {
        // Axon phones home for update checks; a server on a closed network must not. Operators may opt back in.
        if (System.getProperty("axoniq.update-checker.disabled") == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(MentorPlatformApplication.class, args);
    }
}
