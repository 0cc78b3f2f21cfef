/** Runtime wiring of the sales CRM: the unassigned-queue sweep as a cluster-wide recurring task. */
package com.mrmentor.platform.runtime.crm;
