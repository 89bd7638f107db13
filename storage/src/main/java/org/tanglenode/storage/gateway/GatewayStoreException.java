package org.tanglenode.storage.gateway;

import org.tanglenode.storage.StorageException;

/** A fault of the gateway's database: the disk, RocksDB, or damaged rows. */
public final class GatewayStoreException extends StorageException {

  private static final long serialVersionUID = 1L;

  public GatewayStoreException(String message) {
    super(message);
  }

  public GatewayStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
