package dev.lakeformation.spark;

import dev.lakeformation.api.LakeFormationException;
import dev.lakeformation.api.SqlState;
import dev.lakeformation.core.config.ConnectionConfig;
import dev.lakeformation.core.config.ConnectionProperty;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.reflect.ClassTag$;
import scala.reflect.ClassTag;

/**
 * How executors connect: the connection properties of the read, in two parts.
 *
 * <ul>
 *   <li>Everything but secrets (Region, Endpoint, AccessKeyId, Profile, timeouts…) travels in
 *       this object, inside the reader factory that Spark serialises into every task.
 *   <li>The secrets (every sensitive property: SecretAccessKey or Password, SessionToken,
 *       ProxyPassword, TrustStorePassword) travel in a Spark broadcast
 *       variable. A task carries only the broadcast's ID; the value goes from the driver's block
 *       manager to each executor's once, and is never part of the plan, of a task, of the UI or of
 *       a string form. Without secrets in the options there is no broadcast, and executors use
 *       their own credentials: the Profile given, or the AWS SDK's default chain.
 * </ul>
 *
 * <p>This is the difference from connectors that put keys into their serialisable configuration,
 * which Spark then writes into every task and can show wherever it prints one.
 */
final class ExecutorConnection implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, String> settings;
  /** Null when the options held no secret. */
  private final Broadcast<Secrets> secrets;

  private ExecutorConnection(HashMap<String, String> settings, Broadcast<Secrets> secrets) {
    this.settings = settings;
    this.secrets = secrets;
  }

  /** On the Spark driver: splits {@code config}, broadcasting its secrets (if any) to the executors. */
  static ExecutorConnection share(ConnectionConfig config, SparkContext spark) throws LakeFormationException {
    if (config.get(ConnectionProperty.LOCAL) && !spark.isLocal()) {
      throw new LakeFormationException(SqlState.CONNECTION_REJECTED, "Local=true starts LakeFormation Local inside"
          + " the Spark driver, where the executors of a cluster cannot reach it: run Spark with a local[N] master,"
          + " or start LakeFormation Local as a server and give its Endpoint.");
    }
    HashMap<String, String> settings = new HashMap<>();
    HashMap<String, String> secretTexts = new HashMap<>();
    for (ConnectionProperty<?> property : ConnectionProperty.ALL) {
      String text = config.text(property);
      // Executors read units of a known query: QueryId would only make their sessions differ.
      if (text != null && property != ConnectionProperty.QUERY_ID) {
        (property.isSensitive() ? secretTexts : settings).put(property.name(), text);
      }
    }
    ClassTag<Secrets> tag = ClassTag$.MODULE$.apply(Secrets.class);
    return new ExecutorConnection(settings,
        secretTexts.isEmpty() ? null : spark.broadcast(new Secrets(secretTexts), tag));
  }

  /** On an executor: every connection property, secrets included, by name. */
  Map<String, String> properties() {
    Map<String, String> all = new HashMap<>(settings);
    if (secrets != null) {
      all.putAll(secrets.value().texts);
    }
    return all;
  }

  @Override
  public String toString() {
    return "connection " + new TreeMap<>(settings) + (secrets == null ? "" : " with secrets by broadcast");
  }

  /** The broadcast value: secret property texts by name, never shown. */
  static final class Secrets implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> texts;

    Secrets(HashMap<String, String> texts) {
      this.texts = texts;
    }

    @Override
    public String toString() {
      return "secret connection properties " + new TreeMap<>(texts).keySet();
    }
  }
}
