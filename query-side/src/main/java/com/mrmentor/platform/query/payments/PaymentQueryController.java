package com.mrmentor.platform.query.payments;

import com.mrmentor.platform.shared.payments.FindPaymentOrder;
import com.mrmentor.platform.shared.payments.FindPaymentOrders;
import com.mrmentor.platform.shared.payments.PaymentOrderPage;
import com.mrmentor.platform.shared.payments.PaymentOrderStatus;
import com.mrmentor.platform.shared.payments.PaymentOrderView;
import com.mrmentor.platform.shared.payments.RefundStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Set;
import java.util.UUID;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Reads of payment orders. A buyer sees their own orders; FINANCE, ADMIN and AUDITOR see every order and refund.
 * Anyone else's order does not exist for a caller (404), so ids cannot be probed.
 */
@RestController
@Validated
@Tag(name = "Payments: queries")
public class PaymentQueryController {

    private static final Set<String> OVERSEERS = Set.of("ROLE_FINANCE", "ROLE_ADMIN", "ROLE_AUDITOR");

    private final QueryGateway queries;

    public PaymentQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/payments/orders")
    @Operation(summary = "Your payment orders, newest first (signed in)")
    public PaymentOrderPage mine(@RequestParam(required = false) PaymentOrderStatus status,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                 Authentication caller) {
        return page(new FindPaymentOrders(UUID.fromString(caller.getName()), status, false, null, page, size));
    }

    @GetMapping("/api/payments/orders/{orderId}")
    @Operation(summary = "A payment order with its refund (its buyer; FINANCE, ADMIN, AUDITOR)")
    public PaymentOrderView order(@PathVariable UUID orderId, Authentication caller) {
        PaymentOrderView order = queries.query(new FindPaymentOrder(orderId),
                ResponseTypes.instanceOf(PaymentOrderView.class)).join();
        if (order == null || !(order.userId().toString().equals(caller.getName()) || isOverseer(caller))) {
            throw new ResponseStatusException(NOT_FOUND, "No such payment order");
        }
        return order;
    }

    @GetMapping("/api/admin/payments")
    @Operation(summary = "All payment orders, newest first (FINANCE, ADMIN, AUDITOR), by status and buyer")
    public PaymentOrderPage payments(@RequestParam(required = false) PaymentOrderStatus status,
                                     @RequestParam(required = false) UUID userId,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return page(new FindPaymentOrders(userId, status, false, null, page, size));
    }

    @GetMapping("/api/admin/refunds")
    @Operation(summary = "Refunds, newest first (FINANCE, ADMIN, AUDITOR), by status")
    public PaymentOrderPage refunds(@RequestParam(required = false) RefundStatus status,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return page(new FindPaymentOrders(null, null, true, status, page, size));
    }

    private PaymentOrderPage page(FindPaymentOrders query) {
        return queries.query(query, ResponseTypes.instanceOf(PaymentOrderPage.class)).join();
    }

    private static boolean isOverseer(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> OVERSEERS.contains(a.getAuthority()));
    }
}
