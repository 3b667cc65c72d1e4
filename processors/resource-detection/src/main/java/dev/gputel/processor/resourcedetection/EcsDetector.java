package dev.gputel.processor.resourcedetection;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Reads this agent's ECS task from the task metadata endpoint v4: {@code <uri>/task} for the task,
 * {@code <uri>} for its own container, and the GPUs ECS gave the container.
 */
final class EcsDetector implements AutoCloseable {
  private final String endpoint;
  private final MetadataHttp http;
  private final VisibleDevices devices;

  EcsDetector(URI endpoint, MetadataHttp http, VisibleDevices devices) {
    this.endpoint = endpoint.toString().replaceAll("/+$", "");
    this.http = http;
    this.devices = devices;
  }

  EcsTask detect() throws MetadataException {
    return EcsTask.parse(get(endpoint + "/task"), get(endpoint), devices);
  }

  private String get(String uri) throws MetadataException {
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(URI.create(uri)).GET());
    } catch (IOException e) {
      throw new MetadataException("GET " + uri + ": " + MetadataHttp.describe(e, http.timeout()), e);
    }
    if (response.statusCode() != 200) {
      throw new MetadataException("GET " + uri + " answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  @Override
  public void close() {
    http.close();
  }
}
