package io.redmetrics.example.shop;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers an {@link OutOfStockException} with {@code 409 Conflict}: a mapped exception, recorded
 * with the status the mapper chose.
 */
@Provider
public final class OutOfStockMapper implements ExceptionMapper<OutOfStockException> {

  /**
   * Maps the exception.
   *
   * @param exception the exception a resource threw
   * @return a 409 response with the exception's message
   */
  @Override
  public Response toResponse(OutOfStockException exception) {
    return Problems.response(Response.Status.CONFLICT, exception.getMessage());
  }
}
