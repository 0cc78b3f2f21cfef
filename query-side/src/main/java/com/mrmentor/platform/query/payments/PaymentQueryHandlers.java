package com.mrmentor.platform.query.payments;

import com.mrmentor.platform.projections.payments.PaymentReads;
import com.mrmentor.platform.shared.payments.FindPaymentOrder;
import com.mrmentor.platform.shared.payments.FindPaymentOrders;
import com.mrmentor.platform.shared.payments.PaymentOrderPage;
import com.mrmentor.platform.shared.payments.PaymentOrderView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the payment queries from the payment order read model. */
@Component
public class PaymentQueryHandlers {

    private final PaymentReads reads;

    public PaymentQueryHandlers(PaymentReads reads) {
        this.reads = reads;
    }

    /** The order, or null. */
    @QueryHandler
    public PaymentOrderView handle(FindPaymentOrder query) {
        return reads.order(query.orderId()).orElse(null);
    }

    @QueryHandler
    public PaymentOrderPage handle(FindPaymentOrders query) {
        return reads.orders(query);
    }
}
