package org.tanglenode.node;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.node.config.LoggingConfig;

/**
 * Applies the {@code logging} section to Logback: readable lines ({@code logback.xml}) or one JSON
 * object per line ({@code logback-json.xml}, Logback's own {@code JsonEncoder}), both on stderr,
 * and the root level. Logging is process-wide, so this is for the {@code tangle node} command, not
 * for nodes started inside tests or a devnet.
 */
public final class LogSetup {

  private LogSetup() {}

  public static void apply(LoggingConfig config) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    String resource = config.json() ? "logback-json.xml" : "logback.xml";
    URL url = LogSetup.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException(resource + " is missing from the jar");
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    context.reset();
    try {
      configurator.doConfigure(url);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure logging from " + resource, e);
    }
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(config.level(), Level.INFO));
  }
}
