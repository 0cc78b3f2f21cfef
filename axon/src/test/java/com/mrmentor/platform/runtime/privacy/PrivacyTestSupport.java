package com.mrmentor.platform.runtime.privacy;

import com.mrmentor.platform.runtime.support.MigratedH2;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.LongSupplier;

/** An embedded database made by the real migrations (H2 in PostgreSQL mode, as the default profile), and vaults on it. */
final class PrivacyTestSupport {

    static final PersonalDataMasterKey MASTER_KEY =
            new PersonalDataMasterKey(Base64.getDecoder().decode(PersonalDataProperties.DEVELOPMENT_MASTER_KEY));

    private PrivacyTestSupport() {
    }

    static HikariDataSource migratedDatabase() {
        return MigratedH2.create();
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
