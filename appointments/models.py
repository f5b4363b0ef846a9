"""Centers, physicians and appointment requests (built in the locator and request issues)."""
