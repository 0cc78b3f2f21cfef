package com.mrmentor.platform.command.hub;

import com.mrmentor.platform.shared.mentorship.FindMentor;
import com.mrmentor.platform.shared.mentorship.MentorStatus;
import com.mrmentor.platform.shared.mentorship.MentorView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Asks the mentorship context's published query for a mentor's status. Its read model follows the mentor's events
 * within milliseconds; a mentor approved a moment ago may read as not yet active for that long.
 */
@Component
class MentorStatusLookup implements HubMentors {

    private final QueryGateway queries;

    MentorStatusLookup(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<MentorStatus> status(UUID mentorId) {
        MentorView mentor = queries.query(new FindMentor(mentorId), ResponseTypes.instanceOf(MentorView.class)).join();
        return Optional.ofNullable(mentor).map(MentorView::status);
    }
}
