from enum import StrEnum


class TasksListScope(StrEnum):
    ARCHIVE = "archive"
    INBOX = "inbox"
    QUEUE = "queue"
    VALUE_3 = ""

    def __str__(self) -> str:
        return str(self.value)
