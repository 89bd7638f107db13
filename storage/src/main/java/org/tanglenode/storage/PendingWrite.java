package org.tanglenode.storage;

import java.util.concurrent.CompletableFuture;

/** A write waiting in the writer's queue, with the future its caller holds. */
sealed interface PendingWrite {

  void fail(Throwable cause);

  record Insert(StorableTransaction transaction, CompletableFuture<StoreOutcome> done)
      implements PendingWrite {
    @Override
    public void fail(Throwable cause) {
      done.completeExceptionally(cause);
    }
  }

  record Update(StateUpdate update, CompletableFuture<UpdateOutcome> done) implements PendingWrite {
    @Override
    public void fail(Throwable cause) {
      done.completeExceptionally(cause);
    }
  }
}
