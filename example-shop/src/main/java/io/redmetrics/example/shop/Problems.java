package io.redmetrics.example.shop;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Builds the client errors of the shop API with a one-line text body, so that {@code curl} shows
 * why a request failed.
 */
final class Problems {

  private Problems() {}

  /** A 400 Bad Request. */
  static BadRequestException badRequest(String message) {
    return new BadRequestException(response(Response.Status.BAD_REQUEST, message));
  }

  /** A 404 Not Found. */
  static NotFoundException notFound(String message) {
    return new NotFoundException(response(Response.Status.NOT_FOUND, message));
  }

  /** A 409 Conflict. */
  static ClientErrorException conflict(String message) {
    return new ClientErrorException(response(Response.Status.CONFLICT, message));
  }

  /** The response of a client error: its status and {@code message} as plain text. */
  static Response response(Response.Status status, String message) {
    return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(message + "\n").build();
  }
}
