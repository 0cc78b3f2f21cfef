package com.mrmentor.platform.command.payments;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** HMAC-SHA256 against known vectors, and the refusals of anything but the exact signature. */
class PaymentSignaturesTest {

    @Test
    void matchesTheRfc4231Vector() {
        // RFC 4231, test case 2
        assertThat(PaymentSignatures.hmacSha256Hex("Jefe",
                "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void signsTheCheckoutCallbackOverOrderIdBarPaymentId() {
        // computed independently (Python's hmac module) for these values
        assertThat(PaymentSignatures.checkoutSignature("EnLs21M47BllR3X8PSFtjtbd", "order_IEIaMR65cu6nz3",
                "pay_IH4NVgf4Dreq1l"))
                .isEqualTo("0d4e745a1838664ad6c9c9902212a32d627d68e917290b0ad5f08ff4561bc50f");
    }

    @Test
    void verifiesAWebhookOverItsExactBytesOnly() {
        String body = "{\"entity\":\"event\",\"event\":\"payment.captured\",\"payload\":{\"payment\":{\"entity\":"
                + "{\"id\":\"pay_29QQoUBi66xm2f\",\"amount\":30000}}}}";
        String signature = "373031383d87b891462199e8531af3664a84705138b0dc3bd01feadc36f6dc73";

        assertThat(PaymentSignatures.verify("webhook-secret-123", bytes(body), signature)).isTrue();
        assertThat(PaymentSignatures.verify("webhook-secret-123", bytes(body.replace("30000", "30001")), signature))
                .as("one character of the body changed").isFalse();
        assertThat(PaymentSignatures.verify("webhook-secret-123", bytes(body.replace(",", ", ")), signature))
                .as("the same JSON with other whitespace").isFalse();
        assertThat(PaymentSignatures.verify("another-secret", bytes(body), signature)).isFalse();
    }

    @Test
    void refusesMissingTruncatedAndAlteredSignatures() {
        byte[] data = bytes("order_1|pay_1");
        String good = PaymentSignatures.hmacSha256Hex("secret", data);

        assertThat(PaymentSignatures.verify("secret", data, good)).isTrue();
        assertThat(PaymentSignatures.verify("secret", data, null)).isFalse();
        assertThat(PaymentSignatures.verify("secret", data, "")).isFalse();
        assertThat(PaymentSignatures.verify("secret", data, good.substring(1))).isFalse();
        assertThat(PaymentSignatures.verify("secret", data, good.toUpperCase())).isFalse();
        assertThat(PaymentSignatures.verify("secret", data, (good.charAt(0) == 'a' ? "b" : "a") + good.substring(1)))
                .isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
