/** Sales CRM workflows: assignment of arriving leads, and the bulk assignment approval gate. */
package com.mrmentor.platform.saga.crm;
