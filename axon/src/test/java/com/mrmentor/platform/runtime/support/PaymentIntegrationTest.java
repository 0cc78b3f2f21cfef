package com.mrmentor.platform.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.command.payments.PaymentProvider;
import com.mrmentor.platform.runtime.payments.SimulatedPaymentProvider;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

/** Payment tests: the simulator as provider (the test profile's default), steps over the payment routes. */
public abstract class PaymentIntegrationTest extends IntegrationTest {

    @Autowired
    private PaymentProvider provider;

    protected PaymentApi payments() {
        return new PaymentApi(api(), (SimulatedPaymentProvider) provider);
    }

    protected TokenApi tokens() {
        return new TokenApi(api());
    }

    /** A new student with no wallet yet. */
    protected IdentityApi.Tokens newBuyer(String who) {
        return identity().newStudent(who);
    }

    /** The buyer's PAID tokens once the read model has every wallet event (0 for no wallet). */
    protected long paidTokens(UUID userId) {
        if (tokens().history(admin(), userId).isEmpty()) {
            return 0;
        }
        JsonNode account = tokens().settledAccount(admin(), userId);
        return account.path("byCategory").path("PAID").asLong(0);
    }
}
