package dev.lakeformation.jdbc.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS SDK's view of the world for one test: its config and credentials files (through the
 * system properties the SDK reads them from) and any other {@code aws.*} system property, all
 * restored on close. The instance metadata service is turned off, so that walking the default
 * chain never leaves the machine.
 */
public final class AwsEnvironment implements AutoCloseable {
  private final Map<String, String> saved = new LinkedHashMap<>();
  public final Path dir;

  public AwsEnvironment() throws IOException {
    dir = Files.createTempDirectory("aws-env");
    set("aws.configFile", dir.resolve("config").toString());
    set("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
    set("aws.disableEc2Metadata", "true");
    set("aws.region", "us-east-1");
    config("");
    credentials("");
  }

  /** Sets a system property for the life of this environment (null clears it). */
  public AwsEnvironment set(String name, String value) {
    saved.putIfAbsent(name, System.getProperty(name));
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
    return this;
  }

  public AwsEnvironment config(String text) throws IOException {
    Files.writeString(dir.resolve("config"), text, StandardCharsets.UTF_8);
    return this;
  }

  public AwsEnvironment credentials(String text) throws IOException {
    Files.writeString(dir.resolve("credentials"), text, StandardCharsets.UTF_8);
    return this;
  }

  /** Writes a file beside the config (a token, a script) and returns its path. */
  public Path file(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Override
  public void close() throws IOException {
    saved.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
