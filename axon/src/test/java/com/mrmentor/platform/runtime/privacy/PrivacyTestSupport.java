package com.mrmentor.platform.runtime.privacy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.function.LongSupplier;

/** An embedded database made by the real migrations (H2 in PostgreSQL mode, as the default profile), and vaults on it. */
final class PrivacyTestSupport {

    static final PersonalDataMasterKey MASTER_KEY =
            new PersonalDataMasterKey(Base64.getDecoder().decode(PersonalDataProperties.DEVELOPMENT_MASTER_KEY));

    private PrivacyTestSupport() {
    }

    static HikariDataSource migratedDatabase() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:pii-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(12);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    static PersonalDataVault vault(DataSource dataSource) {
        return vault(dataSource, MASTER_KEY, Duration.ofSeconds(30), System::nanoTime);
    }

    static PersonalDataVault vault(DataSource dataSource, PersonalDataMasterKey masterKey, Duration cacheTtl,
                                   LongSupplier ticker) {
        return new PersonalDataVault(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource),
                masterKey, cacheTtl, Clock.systemUTC(), ticker);
    }
}
