/**
 * The office's pages of the portal (docs/PORTAL.md, "The office's pages"): run status and a nightly
 * started now, a new master ledger checked before it is stored, the accounts, the audit log.
 */
package io.rectify.portal.office;
