package com.mrmentor.platform.runtime.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place that says which processing groups are read models that may be rebuilt from the first event, and
 * which tables each one owns (with the columns that order their rows, for the checksum). A group not listed here is
 * never replayed by the operations endpoints: sagas, subscribing groups (no position to reset) and every group whose
 * handlers act on the world — e-mail, commands, provider calls — are refused. Adding a projection means adding it
 * here, with every table its {@code @ResetHandler} clears.
 *
 * <p>Every listed table's rows derive from the events only (event timestamps, ids and payloads; no wall-clock time,
 * no random ids), so a rebuild yields the same rows and the same checksum. One input is not an event:
 * {@code mentor-discovery} copies a mentor's display name from the identity read model ({@code user_account}) when it
 * first sees the application; later {@code ProfileCompleted} events overwrite it, so the end state is the account's
 * latest name either way.
 */
final class ReadModelCatalog {

    /** A table of a read model; {@code prefix}, when set, limits it to the rows whose {@code prefixColumn} starts so. */
    record Table(String name, List<String> orderBy, String prefixColumn, String prefix) {

        static Table of(String name, String... orderBy) {
            return new Table(name, List.of(orderBy), null, null);
        }

        static Table rowsOf(String name, String prefixColumn, String prefix, String... orderBy) {
            return new Table(name, List.of(orderBy), prefixColumn, prefix);
        }
    }

    /** A replayable read model: its processing group and the tables its reset handler empties. */
    record ReadModel(String group, List<Table> tables) {
    }

    private static final List<ReadModel> READ_MODELS = List.of(
            new ReadModel("token-accounts", List.of(Table.of("token_account", "user_id"),
                    Table.of("token_account_lot", "grant_id"))),
            new ReadModel("token-ledger", List.of(Table.of("token_ledger_entry", "entry_id"))),
            new ReadModel("token-grants", List.of(Table.of("token_grant", "grant_id"))),
            new ReadModel("mentor-profiles", List.of(Table.of("mentor_profile", "user_id"))),
            new ReadModel("bookings", List.of(Table.of("booking_view", "booking_id"),
                    Table.of("booking_timeline", "booking_id", "sequence"),
                    Table.of("booking_feedback", "booking_id"),
                    Table.of("booking_note", "note_id"))),
            new ReadModel("hub-circles", List.of(Table.of("hub_circle", "mentor_id"),
                    Table.of("hub_application", "application_id"),
                    Table.of("hub_pairing", "pairing_id"),
                    Table.of("hub_group", "group_id"),
                    Table.of("hub_group_member", "group_id", "mentee_id"),
                    Table.rowsOf("hub_read_position", "aggregate_id", "hub-circle:", "aggregate_id"))),
            new ReadModel("hub-session-logs", List.of(Table.of("hub_session_log", "pairing_id", "session_date"),
                    Table.of("hub_support_request", "support_request_id"),
                    Table.rowsOf("hub_read_position", "aggregate_id", "hub-log:", "aggregate_id"))),
            new ReadModel("mentor-discovery", List.of(Table.of("discovery_mentor", "user_id"),
                    Table.of("discovery_mentor_tag", "user_id", "kind", "tag_key"),
                    Table.of("discovery_completed_session", "booking_id"),
                    Table.of("discovery_review", "booking_id"))),
            new ReadModel("payment-orders", List.of(Table.of("payment_order_view", "order_id"))),
            new ReadModel("gst-documents", List.of(Table.of("gst_document_view", "document_id"))),
            new ReadModel("mentor-earnings", List.of(Table.of("mentor_earnings_view", "mentor_id"),
                    Table.of("earning_line", "mentor_id", "sequence", "line_no"))),
            new ReadModel("payouts", List.of(Table.of("payout_view", "payout_id"),
                    Table.of("payout_timeline", "payout_id", "sequence"))),
            new ReadModel("crm-leads", List.of(Table.of("crm_lead", "lead_id"),
                    Table.of("crm_lead_event", "lead_id", "seq"),
                    Table.of("crm_follow_up", "follow_up_id"),
                    Table.of("crm_bulk_assignment", "request_id"),
                    Table.of("crm_rules", "id"),
                    Table.of("crm_rep", "rep_id"),
                    Table.of("crm_target", "rep_id", "target_month"),
                    Table.of("crm_merge_move", "merge_id", "lead_id", "seq"),
                    Table.of("crm_read_position", "aggregate_id"))),
            new ReadModel("audit-event-index", List.of(Table.of("audit_event_index", "global_index"))));

    /**
     * Tracking groups that are not read models, with what they do: a replay would do it again. Their handlers also
     * carry {@code @DisallowReplay}, a second guard should anyone reset them by hand.
     */
    private static final Map<String, String> SIDE_EFFECTS = Map.of(
            "payout-mail", "writes e-mails to the mail outbox",
            "gst-redemptions", "issues tax invoices (sends commands)",
            "earnings-accrual", "accrues mentors' earnings (sends commands)",
            "crm-arrivals", "assigns new leads (sends commands)",
            "audit-chain", "keeps the tamper-evidence chain: a rebuild would recompute every link over the store as it "
                    + "is now and hide any alteration (docs/audit.md)");

    private static final Map<String, ReadModel> BY_GROUP = READ_MODELS.stream()
            .collect(Collectors.toUnmodifiableMap(ReadModel::group, Function.identity()));

    private ReadModelCatalog() {
    }

    static Optional<ReadModel> readModel(String group) {
        return Optional.ofNullable(BY_GROUP.get(group));
    }

    static List<ReadModel> readModels() {
        return READ_MODELS;
    }

    /** Why {@code group} has side effects, if it is one of the known groups that do. */
    static Optional<String> sideEffect(String group) {
        return Optional.ofNullable(SIDE_EFFECTS.get(group));
    }
}
