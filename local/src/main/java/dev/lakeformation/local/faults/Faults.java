package dev.lakeformation.local.faults;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults LakeFormation Local injects, settable at start and while it runs (tests turn them
 * on and off between queries). Every draw comes from one seeded generator, so a run with the
 * same seed and the same sequence of requests injects the same faults.
 */
public final class Faults {
  /** The kinds of fault, each counted when injected. */
  public enum Kind {
    /** A work-unit body delayed by {@link #workUnitLatencyMillis}. */
    LATENCY,
    /** A call answered with ThrottledException (429, Athena: TooManyRequestsException). */
    THROTTLE,
    /** A call answered with InternalServiceException (500, Athena: InternalServerException). */
    INTERNAL_ERROR,
    /** A GetWorkUnits call answered WorkUnitsNotReadyYetException though units exist. */
    NOT_READY,
    /** A work-unit body whose connection is closed after part of it was sent. */
    TRUNCATED_BODY
  }

  private final Random random;
  private final Map<Kind, AtomicLong> injected = new EnumMap<>(Kind.class);
  private volatile long workUnitLatencyMillis;
  private volatile long workUnitJitterMillis;
  private volatile long planningDelayMillis;
  private volatile double throttleProbability;
  private volatile double internalErrorProbability;
  private volatile int notReadyAnswersPerQuery;
  private volatile double truncateProbability;

  public Faults(long seed) {
    this.random = new Random(seed);
    for (Kind kind : Kind.values()) {
      injected.put(kind, new AtomicLong());
    }
  }

  /** Turns every fault off (the counters are kept). */
  public Faults clear() {
    workUnitLatencyMillis = 0;
    workUnitJitterMillis = 0;
    planningDelayMillis = 0;
    throttleProbability = 0;
    internalErrorProbability = 0;
    notReadyAnswersPerQuery = 0;
    truncateProbability = 0;
    return this;
  }

  public Faults workUnitLatencyMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("latency must be >= 0, got " + millis);
    }
    this.workUnitLatencyMillis = millis;
    return this;
  }

  /** Adds a random delay, uniform in [0, millis], to every work-unit body (on top of the fixed latency). */
  public Faults workUnitJitterMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("jitter must be >= 0, got " + millis);
    }
    this.workUnitJitterMillis = millis;
    return this;
  }

  /** Holds every query in PENDING this long before it starts to run (slow planning). */
  public Faults planningDelayMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("planning delay must be >= 0, got " + millis);
    }
    this.planningDelayMillis = millis;
    return this;
  }

  public Faults throttleProbability(double p) {
    this.throttleProbability = probability(p);
    return this;
  }

  public Faults internalErrorProbability(double p) {
    this.internalErrorProbability = probability(p);
    return this;
  }

  /** How many GetWorkUnits calls of each query are answered "not ready" before its units show. */
  public Faults notReadyAnswersPerQuery(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    this.notReadyAnswersPerQuery = count;
    return this;
  }

  public Faults truncateProbability(double p) {
    this.truncateProbability = probability(p);
    return this;
  }

  /** How many faults of {@code kind} were injected since start. */
  public long injected(Kind kind) {
    return injected.get(kind).get();
  }

  public long workUnitLatencyMillis() {
    long latency = workUnitLatencyMillis;
    long jitter = workUnitJitterMillis;
    if (jitter > 0) {
      synchronized (random) {
        latency += (long) (random.nextDouble() * (jitter + 1));
      }
    }
    if (latency > 0) {
      injected.get(Kind.LATENCY).incrementAndGet();
    }
    return latency;
  }

  public long planningDelayMillis() {
    return planningDelayMillis;
  }

  public int notReadyAnswersPerQuery() {
    return notReadyAnswersPerQuery;
  }

  public void countNotReady() {
    injected.get(Kind.NOT_READY).incrementAndGet();
  }

  public boolean drawThrottle() {
    return draw(throttleProbability, Kind.THROTTLE);
  }

  public boolean drawInternalError() {
    return draw(internalErrorProbability, Kind.INTERNAL_ERROR);
  }

  public boolean drawTruncate() {
    return draw(truncateProbability, Kind.TRUNCATED_BODY);
  }

  /** A fraction in [0.1, 0.9) of a body at which to cut it. */
  public double drawCutFraction() {
    synchronized (random) {
      return 0.1 + 0.8 * random.nextDouble();
    }
  }

  private boolean draw(double p, Kind kind) {
    if (p <= 0) {
      return false;
    }
    boolean hit;
    synchronized (random) {
      hit = random.nextDouble() < p;
    }
    if (hit) {
      injected.get(kind).incrementAndGet();
    }
    return hit;
  }

  private static double probability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
    }
    return p;
  }
}
