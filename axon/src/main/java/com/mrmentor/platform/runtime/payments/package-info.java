/**
 * The payment provider adapters: Razorpay over HTTP, and the local simulator (default profile, tests) that creates
 * orders, pays them and sends correctly signed webhooks to the platform's own endpoint.
 */
package com.mrmentor.platform.runtime.payments;
