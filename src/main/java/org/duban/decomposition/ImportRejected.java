package org.duban.decomposition;

/** Confirming found problems (the book changed since the preview); the transaction rolls back. */
class ImportRejected extends RuntimeException {

  private final transient ImportPlan plan;

  ImportRejected(ImportPlan plan) {
    super("import rejected: " + plan.problems().size() + " problems");
    this.plan = plan;
  }

  ImportPlan plan() {
    return plan;
  }
}
