package com.mrmentor.platform.projections.invoicing;

import com.mrmentor.platform.shared.invoicing.PointOfTaxationChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The point of taxation in force ({@code tax_setting_view}, one row). A subscribing processor: the row changes in
 * the transaction of the change, so finance reads back what it just set.
 */
@Component
@ProcessingGroup(TaxSettingProjection.PROCESSING_GROUP)
public class TaxSettingProjection {

    public static final String PROCESSING_GROUP = "tax-settings";
    static final String POINT_OF_TAXATION = "point-of-taxation";

    private final JdbcTemplate jdbc;

    public TaxSettingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PointOfTaxationChanged e) {
        jdbc.update("DELETE FROM tax_setting_view WHERE setting = ?", POINT_OF_TAXATION);
        jdbc.update("INSERT INTO tax_setting_view (setting, point_of_taxation, changed_at, changed_by, reason) "
                        + "VALUES (?, ?, ?, ?, ?)", POINT_OF_TAXATION, e.pointOfTaxation().name(),
                Timestamp.from(e.changedAt()), e.changedBy(), e.reason());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM tax_setting_view");
    }
}
