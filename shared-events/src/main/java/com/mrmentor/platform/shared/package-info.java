/**
 * The platform's published language: commands, events, queries and views as immutable records, one package per
 * bounded context. Nothing here depends on Spring or JPA.
 */
package com.mrmentor.platform.shared;
