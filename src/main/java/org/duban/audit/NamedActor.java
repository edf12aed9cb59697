package org.duban.audit;

/** A signed-in principal that knows its person's full name, for the audit log's "who". */
public interface NamedActor {

  String fullName();
}
