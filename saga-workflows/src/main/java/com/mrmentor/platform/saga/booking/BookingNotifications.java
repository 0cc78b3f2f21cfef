package com.mrmentor.platform.saga.booking;

/**
 * Where the booking saga hands its e-mails. The implementation stores each notice in the saga's transaction and
 * sends it afterwards, once per {@link BookingNotice#key()}.
 */
public interface BookingNotifications {

    void enqueue(BookingNotice notice);
}
