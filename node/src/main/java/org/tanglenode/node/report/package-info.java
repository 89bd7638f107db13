/**
 * Audit reports as files: the rows collected for a selection of records, written as CSV for
 * spreadsheets and as one self-contained HTML page with a timeline chart (docs/reports.md). Needs
 * no node: the {@code tangle report} command collects the rows through the API.
 */
package org.tanglenode.node.report;
