package com.mrmentor.platform.saga.booking;

import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.SagaLifecycle;

/** The saga scope a handler needs (for {@link SagaLifecycle#associateWith}) when a test calls it directly. */
final class HandDrivenSagaScope extends SagaLifecycle {

    private final AssociationValues associations = new AssociationValuesImpl();

    /** Runs a step of the saga as if the saga manager had called it. */
    void run(Runnable step) {
        execute(step);
    }

    @Override
    protected void doEnd() {
    }

    @Override
    protected void doRemoveAssociation(AssociationValue value) {
        associations.remove(value);
    }

    @Override
    protected void doAssociateWith(AssociationValue value) {
        associations.add(value);
    }

    @Override
    protected AssociationValues getAssociationValues() {
        return associations;
    }

    @Override
    protected String type() {
        return BookingSaga.class.getSimpleName();
    }

    @Override
    protected String getSagaIdentifier() {
        return "hand-driven";
    }
}
