package com.mrmentor.platform.runtime.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.PaymentIntegrationTest;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin dashboard moves with what happens: tokens sold and promotional, a booking, a new user. */
class DashboardIT extends PaymentIntegrationTest {

    @Test
    void theDashboardCountsTokensSessionsAndUsersAndATrendOfSevenDays() {
        String admin = admin();
        JsonNode before = dashboard(admin);
        BookingApi bookings = new BookingApi(api(), identity());
        Person mentor = bookings.newMentor("dash-mentor", admin, "Europe/Berlin", 0);
        Person student = bookings.newStudent("dash-student");
        new TokenApi(api()).grant(admin, student.id(), 7, "PAID");
        new TokenApi(api()).grant(admin, student.id(), 2, "PROMOTIONAL");
        bookings.book(student, mentor, BookingApi.slot(Instant.now(), Duration.ofDays(2)));

        await("the dashboard catches up").atMost(BookingApi.WAIT).untilAsserted(() -> {
            JsonNode after = dashboard(admin);
            assertThat(after.at("/tokens/sold").asLong() - before.at("/tokens/sold").asLong()).isGreaterThanOrEqualTo(7);
            assertThat(after.at("/tokens/promotionalGranted").asLong() - before.at("/tokens/promotionalGranted").asLong())
                    .isGreaterThanOrEqualTo(2);
            assertThat(after.at("/tokens/held").asLong() - before.at("/tokens/held").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(after.at("/sessions/REQUESTED").asLong() - before.at("/sessions/REQUESTED").asLong())
                    .isGreaterThanOrEqualTo(1);
            assertThat(after.at("/users/total").asLong() - before.at("/users/total").asLong())
                    .isGreaterThanOrEqualTo(2);
            assertThat(after.at("/users/newLast7Days").asLong()).isGreaterThanOrEqualTo(2);
            JsonNode trend = after.get("trend");
            assertThat(trend).hasSize(7);
            JsonNode today = trend.get(6);
            assertThat(today.get("date").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
            assertThat(today.get("newUsers").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(today.get("bookingsRequested").asLong()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void aPaidPackCountsAsRevenueWithItsTaxSplit() {
        String admin = admin();
        JsonNode before = dashboard(admin);
        IdentityApi.Tokens buyer = newBuyer("dash-buyer");
        JsonNode order = payments().order(buyer.accessToken(), "pack-5", "MH");
        var payment = payments().pay(order);
        assertThat(payments().confirm(buyer.accessToken(), order.get("orderId").asText(), payment.paymentId(),
                payment.signature()).status()).isEqualTo(200);

        await("the paid order on the dashboard").atMost(BookingApi.WAIT).untilAsserted(() -> {
            JsonNode after = dashboard(admin);
            assertThat(after.at("/revenue/paidOrders").asLong() - before.at("/revenue/paidOrders").asLong())
                    .isGreaterThanOrEqualTo(1);
            assertThat(after.at("/revenue/grossPaise").asLong() - before.at("/revenue/grossPaise").asLong())
                    .isGreaterThanOrEqualTo(order.get("amount").asLong());
            assertThat(after.at("/revenue/gstPaise").asLong()).isEqualTo(after.at("/revenue/grossPaise").asLong()
                    - after.at("/revenue/taxablePaise").asLong());
            assertThat(after.at("/trend/6/grossPaise").asLong()).isGreaterThanOrEqualTo(order.get("amount").asLong());
        });
    }

    @Test
    void onlyAdministratorsSeeTheDashboard() {
        assertThat(api().get("/api/admin/dashboard", student()).status()).isEqualTo(403);
        assertThat(api().get("/api/admin/dashboard", finance()).status()).isEqualTo(403);
        assertThat(api().get("/api/admin/dashboard", null).status()).isEqualTo(401);
    }

    private JsonNode dashboard(String admin) {
        Response response = api().get("/api/admin/dashboard", admin);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.body();
    }
}
