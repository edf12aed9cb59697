package org.duban.deployment;

/** Something wrong in a model file, named so an admin can find it: file, element, message. */
public record ModelProblem(String resource, String element, String message) {

  @Override
  public String toString() {
    return resource + (element == null ? "" : " · " + element) + "：" + message;
  }
}
