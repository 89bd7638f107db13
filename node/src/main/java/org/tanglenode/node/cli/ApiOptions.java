package org.tanglenode.node.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** The options of every command that talks to a node's API. */
final class ApiOptions {

  /** The API address of a node started with the defaults (and of the local devnet's first node). */
  static final String DEFAULT_API = "http://127.0.0.1:14265";

  @Option(
      names = "--api",
      defaultValue = DEFAULT_API,
      description = "The node's API address (default: ${DEFAULT-VALUE}).")
  URI api;

  @Option(
      names = "--token",
      defaultValue = "${env:TANGLE_API_TOKEN}",
      description =
          "Bearer token for write, admin or protected read endpoints "
              + "(default: the TANGLE_API_TOKEN environment variable).")
  String token;

  @Option(names = "--json", description = "Print the node's JSON answer instead of text.")
  boolean json;

  ApiClient client() {
    return new ApiClient(api, token);
  }
}
