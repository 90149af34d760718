"""The entity steps: countries, weapon systems and persons found in a text, and one mention per
stretch of text where they overlap."""
