/**
 * Crypto-shredding of personal data in events. Every component marked
 * {@link com.mrmentor.platform.shared.common.PersonalData} is stored encrypted with a key of its own person (the
 * event's {@link com.mrmentor.platform.shared.common.DataSubject}); those keys live outside the event store, in
 * {@code personal_data_key}, wrapped with the master key ({@code PII_MASTER_KEY}). Erasing a person destroys their key:
 * the events stay, amounts and dates still reconcile, and the personal components read as
 * {@link com.mrmentor.platform.shared.common.PersonalData#ERASED}.
 *
 * <p>Only Axon's storage serializer encrypts (see {@code AxonSerializationConfig}); HTTP responses are written by
 * Spring's own mapper and never see a sealed value.
 */
package com.mrmentor.platform.runtime.privacy;
