/**
 * Sales CRM: leads captured from manual entry, website forms, CSV imports and vendors, de-duplicated by phone (E.164)
 * and e-mail, assigned by an ordered, versioned rule list (round robin, fewest open leads, weighted) with a
 * sales-head approval gate over bulk assignment, and followed up under a first-contact deadline.
 */
package com.mrmentor.platform.shared.crm;
