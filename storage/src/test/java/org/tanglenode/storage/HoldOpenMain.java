package org.tanglenode.storage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a second JVM by the lock test: opens the database in {@code args[0]}, prints {@code OPEN},
 * and keeps it open until its standard input closes or says {@code quit}.
 */
public final class HoldOpenMain {

  private HoldOpenMain() {}

  public static void main(String[] args) throws Exception {
    try (Storage storage = StorageFixture.open(Path.of(args[0]))) {
      System.out.println("OPEN");
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.equals("quit")) {
        // wait
      }
    }
    System.out.println("CLOSED");
  }
}
