-- The point of taxation in force, as its last PointOfTaxationChanged left it (one row; none while the configured
-- default applies). Written in the transaction of the change, so a read right after it sees it.
CREATE TABLE tax_setting_view (
    setting           VARCHAR(40)              NOT NULL,
    point_of_taxation VARCHAR(20)              NOT NULL,
    changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by        UUID                     NOT NULL,
    reason            VARCHAR(500)             NOT NULL,
    CONSTRAINT tax_setting_view_pk PRIMARY KEY (setting)
);
