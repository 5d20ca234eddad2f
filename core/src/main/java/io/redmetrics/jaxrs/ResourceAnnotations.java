package io.redmetrics.jaxrs;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code @Path} and {@code @HttpMethod} annotations of a resource method the way
 * Jakarta REST inherits them (section 3.6): from the class or method itself, else from a
 * superclass, else from an implemented interface. Used at deployment only.
 */
final class ResourceAnnotations {

  private ResourceAnnotations() {}

  /** Returns the {@code @Path} value of a resource class, {@code null} for a sub-resource class. */
  static String classPath(Class<?> resourceClass) {
    for (Class<?> type = resourceClass; type != null && type != Object.class; type = type.getSuperclass()) {
      if (type.isAnnotationPresent(Path.class)) {
        return type.getAnnotation(Path.class).value();
      }
      for (Class<?> implemented : type.getInterfaces()) {
        if (implemented.isAnnotationPresent(Path.class)) {
          return implemented.getAnnotation(Path.class).value();
        }
      }
    }
    return null;
  }

  /** Returns the {@code @Path} value of a resource method, {@code null} when it has none. */
  static String methodPath(Method method) {
    Method annotated = annotated(method);
    Path path = annotated.getAnnotation(Path.class);
    return path == null ? null : path.value();
  }

  /** Returns the request methods that the {@code @HttpMethod} designators of a method name. */
  static List<String> httpMethods(Method method) {
    List<String> names = new ArrayList<>();
    for (Annotation annotation : annotated(method).getAnnotations()) {
      HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (designator != null) {
        names.add(designator.value());
      }
    }
    return names;
  }

  /** The method itself if it carries Jakarta REST annotations, else the one it inherits them from. */
  private static Method annotated(Method method) {
    if (hasJaxrsAnnotations(method)) {
      return method;
    }
    for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
      Method found = find(type, method);
      if (found != null && hasJaxrsAnnotations(found)) {
        return found;
      }
      for (Class<?> implemented : type.getInterfaces()) {
        found = find(implemented, method);
        if (found != null && hasJaxrsAnnotations(found)) {
          return found;
        }
      }
    }
    return method;
  }

  private static Method find(Class<?> type, Method method) {
    try {
      return type.getDeclaredMethod(method.getName(), method.getParameterTypes());
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static boolean hasJaxrsAnnotations(Method method) {
    if (method.isAnnotationPresent(Path.class)) {
      return true;
    }
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }
}
