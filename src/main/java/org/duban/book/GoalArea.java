package org.duban.book;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** 目标领域, e.g. 党建引领 or 医疗服务: a grouping of items inside a task book. */
@Entity
public class GoalArea {

  /** The column's size: a longer name is refused where a person types it. */
  public static final int MAX_NAME = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "task_book_id")
  private TaskBook taskBook;

  private String name;
  private int sortOrder;

  protected GoalArea() {}

  GoalArea(TaskBook taskBook, String name, int sortOrder) {
    this.taskBook = taskBook;
    this.name = name;
    this.sortOrder = sortOrder;
  }

  public Long getId() {
    return id;
  }

  public TaskBook getTaskBook() {
    return taskBook;
  }

  public String getName() {
    return name;
  }

  public int getSortOrder() {
    return sortOrder;
  }
}
