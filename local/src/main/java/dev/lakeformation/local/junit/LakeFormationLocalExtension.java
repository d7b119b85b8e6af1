package dev.lakeformation.local.junit;

import dev.lakeformation.local.LakeFormationLocal;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link LakeFormationLocalTest}: one LakeFormation Local per annotated test
 * class, started in its {@code beforeAll} and stopped in its {@code afterAll}; nested classes use
 * their enclosing class's. Registered by the annotation; it can also be registered with
 * {@code @ExtendWith} on a class that is not annotated, which then gets the default settings.
 */
public final class LakeFormationLocalExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(LakeFormationLocalExtension.class);
  private static final String SERVICE = "service";

  /**
   * A started service, kept in the store of the class that started it. A holder rather than the
   * service itself: JUnit closes the AutoCloseable values of a store on its own schedule, and the
   * service must stop exactly when {@link #afterAll} says.
   */
  private record Started(LakeFormationLocal local) {}

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    service(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Started started = context.getStore(NAMESPACE).remove(SERVICE, Started.class);
    if (started != null) {
      started.local().close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LakeFormationLocal.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return service(context);
    } catch (Exception e) {
      throw new ParameterResolutionException("LakeFormation Local could not start: " + e, e);
    }
  }

  /**
   * The running service of this test class, started if it has none yet: in {@code beforeAll}, or
   * earlier when the class's instance is created first ({@code @TestInstance(PER_CLASS)} with the
   * service as a constructor parameter).
   */
  private static LakeFormationLocal service(ExtensionContext context) throws Exception {
    Optional<Started> running = find(context);
    if (running.isPresent()) {
      return running.get().local();
    }
    ExtensionContext owner = context;
    while (owner.getTestMethod().isPresent()) {
      owner = owner.getParent().orElseThrow();
    }
    LakeFormationLocalTest settings = AnnotationSupport.findAnnotation(owner.getRequiredTestClass(),
        LakeFormationLocalTest.class).orElse(null);
    LakeFormationLocal.Builder builder = LakeFormationLocal.builder();
    if (settings != null) {
      builder.sampleData(settings.sampleData()).tpchScaleFactor(settings.tpchScaleFactor());
    }
    LakeFormationLocal local = builder.start();
    owner.getStore(NAMESPACE).put(SERVICE, new Started(local));
    return local;
  }

  /**
   * The service of this context's class or of the nearest enclosing class that started one: a
   * store looks up its parents' values too (but removes only its own, so {@link #afterAll} of a
   * nested class leaves its enclosing class's service running).
   */
  private static Optional<Started> find(ExtensionContext context) {
    return Optional.ofNullable(context.getStore(NAMESPACE).get(SERVICE, Started.class));
  }
}
