/**
 * Sensor readings (docs/sensors.md): the canonical form of one reading, the RFC 9162 tree a gateway
 * builds over a batch of them, and the per-reading receipt that proves one reading with its path to
 * a batch root and the anchoring transaction's receipt. Readings never go on the ledger; only the
 * batch record ({@link org.tanglenode.protocol.record.SensorBatchRecord}) does.
 */
package org.tanglenode.protocol.sensor;
