package com.mrmentor.platform.projections.discovery;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class AverageRatingTest {

    @Test
    void theAverageHasTwoDecimalsRoundedHalfUpAndIsNullWithoutRatings() {
        assertThat(MentorDiscoveryProjection.average(0, 0)).isNull();
        assertThat(MentorDiscoveryProjection.average(5, 1)).isEqualTo(new BigDecimal("5.00"));
        assertThat(MentorDiscoveryProjection.average(14, 3)).isEqualTo(new BigDecimal("4.67"));
        assertThat(MentorDiscoveryProjection.average(13, 3)).isEqualTo(new BigDecimal("4.33"));
        assertThat(MentorDiscoveryProjection.average(37, 8)).as("4.625").isEqualTo(new BigDecimal("4.63"));
    }
}
