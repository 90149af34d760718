"""Relations between the entities of a document: arms transfers (who supplies which weapons to whom)."""
from .find import FindTransfers

__all__ = ['FindTransfers']
