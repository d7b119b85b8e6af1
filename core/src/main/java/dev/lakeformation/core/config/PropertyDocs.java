package dev.lakeformation.core.config;

/**
 * Writes {@code docs/properties.md} from the property registry, so the reference cannot drift
 * from the code (a test compares the two).
 */
public final class PropertyDocs {
  private PropertyDocs() {}

  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Connection properties\n\n")
        .append("<!-- Generated from ConnectionProperty; run `mvn -B test -pl core -Dtest=PropertyDocsTest -DupdateDocs=true`"
            + " after changing a property. -->\n\n")
        .append("URL syntax: `jdbc:lakeformation://Key=Value;Key=Value…`. Keys are case-insensitive; a value holding")
        .append(" `;` is written in braces (`Key={a;b}`). `Properties` given to `DriverManager.getConnection`")
        .append(" fill in what the URL does not say; the URL wins. An unknown key or a bad value fails the")
        .append(" connection with SQLState 08001 (28000 for credentials) and a message naming the key.\n");
    for (ConnectionProperty.Group group : ConnectionProperty.Group.values()) {
      out.append("\n## ").append(group.name().charAt(0)).append(group.name().substring(1).toLowerCase(java.util.Locale.ROOT))
          .append("\n\n| Property | Type | Default | Description |\n|---|---|---|---|\n");
      for (ConnectionProperty<?> property : ConnectionProperty.ALL) {
        if (property.group() != group) {
          continue;
        }
        String type = property.choices() == null ? property.typeDescription()
            : String.join(" \\| ", property.choices());
        out.append("| `").append(property.name()).append("` | ").append(type).append(" | ")
            .append(property.defaultValue() == null ? "—" : "`" + property.defaultValue() + "`").append(" | ")
            .append(property.description().replace("|", "\\|"))
            .append(property.isSensitive() ? " *(secret: never logged or shown)*" : "").append(" |\n");
      }
    }
    out.append("\n## JVM-wide\n\nSettings of the whole JVM, shared by all its connections: Java system properties,"
        + " given as `-Dname=value` (in DBeaver, a line in `dbeaver.ini` after `-vmargs`).\n\n"
        + "| System property | Type | Default | Description |\n|---|---|---|---|\n");
    for (JvmProperty property : JvmProperty.ALL) {
      out.append("| `").append(property.name()).append("` | ").append(property.type()).append(" | ")
          .append(property.defaultDescription()).append(" | ").append(property.description().replace("|", "\\|"))
          .append(" |\n");
    }
    return out.toString();
  }
}
