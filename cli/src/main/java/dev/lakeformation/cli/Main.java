package dev.lakeformation.cli;

import dev.lakeformation.local.LocalCommand;
import java.util.Arrays;

/**
 * The jar's entry point: {@code java -jar lakeformation-jdbc.jar local …} starts
 * LakeFormation Local as a server; anything else is lfsql's arguments.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("local")) {
      LocalCommand.main(Arrays.copyOfRange(args, 1, args.length));
    } else {
      Lfsql.main(args);
    }
  }
}
