/**
 * What several read models share: statements deferred to one JDBC batch per transaction.
 */
package com.mrmentor.platform.projections.common;
