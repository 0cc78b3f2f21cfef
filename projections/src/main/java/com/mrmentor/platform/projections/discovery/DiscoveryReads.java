package com.mrmentor.platform.projections.discovery;

import com.mrmentor.platform.shared.booking.SessionExperience;
import com.mrmentor.platform.shared.discovery.FindMentors;
import com.mrmentor.platform.shared.discovery.LeaderboardEntry;
import com.mrmentor.platform.shared.discovery.MentorCard;
import com.mrmentor.platform.shared.discovery.MentorReview;
import com.mrmentor.platform.shared.discovery.MentorSort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads of the discovery read model: searches, the leaderboard, reviews. */
@Component
public class DiscoveryReads {

    private static final String CARD_COLUMNS = "m.user_id, m.name, m.headline, m.expertise, m.track, m.company, "
            + "m.languages, m.price, m.average_rating, m.ratings_count, m.completed_sessions";
    private static final String LISTED = "m.status = 'ACTIVE' AND m.erased = FALSE";

    private final JdbcTemplate jdbc;

    public DiscoveryReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the mentors matching {@code query}'s text and filters, in {@code sort} order. */
    public List<MentorCard> search(FindMentors query, MentorSort sort, int size, long offset) {
        MentorSearchSql sql = MentorSearchSql.of(query);
        List<Object> args = new ArrayList<>(sql.args());
        args.add(size);
        args.add(offset);
        return jdbc.query("SELECT " + CARD_COLUMNS + " FROM discovery_mentor m " + sql.where() + " "
                + MentorSearchSql.orderBy(sort) + " LIMIT ? OFFSET ?", CARD, args.toArray());
    }

    /** Every mentor matching {@code query}'s text and filters, in {@code sort} order. */
    public List<MentorCard> searchAll(FindMentors query, MentorSort sort) {
        MentorSearchSql sql = MentorSearchSql.of(query);
        return jdbc.query("SELECT " + CARD_COLUMNS + " FROM discovery_mentor m " + sql.where() + " "
                + MentorSearchSql.orderBy(sort), CARD, sql.args().toArray());
    }

    /** How many mentors match {@code query}'s text and filters. */
    public long count(FindMentors query) {
        MentorSearchSql sql = MentorSearchSql.of(query);
        return jdbc.queryForObject("SELECT COUNT(*) FROM discovery_mentor m " + sql.where(), Long.class,
                sql.args().toArray());
    }

    /** One page of the leaderboard: listed mentors with completed sessions, ranked. */
    public List<LeaderboardEntry> leaderboard(int size, long offset) {
        return jdbc.query("SELECT m.user_id, m.name, m.headline, m.completed_sessions, m.average_rating, "
                        + "m.ratings_count, RANK() OVER (ORDER BY m.completed_sessions DESC, "
                        + "m.average_rating DESC NULLS LAST) AS board_rank FROM discovery_mentor m "
                        + "WHERE " + LISTED + " AND m.completed_sessions > 0 "
                        + "ORDER BY m.completed_sessions DESC, m.average_rating DESC NULLS LAST, m.user_id "
                        + "LIMIT ? OFFSET ?",
                (rs, row) -> new LeaderboardEntry(rs.getInt("board_rank"), rs.getObject("user_id", UUID.class),
                        rs.getString("name"), rs.getString("headline"), rs.getLong("completed_sessions"),
                        rs.getBigDecimal("average_rating"), rs.getLong("ratings_count")),
                size, offset);
    }

    /** Mentors on the leaderboard. */
    public long leaderboardSize() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM discovery_mentor m WHERE " + LISTED
                + " AND m.completed_sessions > 0", Long.class);
    }


    /** One page of the mentor's reviews, newest first; never who wrote them. */
    public List<MentorReview> reviews(UUID mentorId, int size, long offset) {
        return jdbc.query("SELECT stars, experience, mentor_on_time, comment, rated_at FROM discovery_review "
                        + "WHERE mentor_id = ? ORDER BY rated_at DESC, booking_id LIMIT ? OFFSET ?",
                (rs, row) -> new MentorReview(rs.getInt("stars"),
                        SessionExperience.valueOf(rs.getString("experience")), rs.getBoolean("mentor_on_time"),
                        rs.getString("comment"), rs.getTimestamp("rated_at").toInstant()),
                mentorId, size, offset);
    }

    /** How many reviews the mentor has. */
    public long reviewCount(UUID mentorId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM discovery_review WHERE mentor_id = ?", Long.class,
                mentorId);
    }

    private static final RowMapper<MentorCard> CARD = (rs, row) -> new MentorCard(
            rs.getObject("user_id", UUID.class), rs.getString("name"), rs.getString("headline"),
            MentorDiscoveryProjection.read(rs.getString("expertise")), rs.getString("track"),
            rs.getString("company"), MentorDiscoveryProjection.read(rs.getString("languages")), rs.getInt("price"),
            rs.getBigDecimal("average_rating"), rs.getLong("ratings_count"), rs.getLong("completed_sessions"),
            null);
}
