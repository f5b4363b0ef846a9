"""Who the client is, for the sign-in lockout (django-axes) and the request form's rate limit.

Behind DJANGO_NUM_PROXIES reverse proxies that each append to X-Forwarded-For, the client is the Nth address
from the right (the one our nearest trusted proxy saw); with 0 it is the connection's own address. An IPv6
client is its /64 network: one home or office line gets a whole /64, and rotating addresses inside it is
still one client.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

IPV6_PREFIX = 64


def client_address(request: HttpRequest) -> str:
    """The client's address as the throttles count it: IPv4 as is, IPv6 as its /64 network's first address."""
    address = _connecting_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address  # not an address (a test client, a broken proxy): counted as given
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/{IPV6_PREFIX}", strict=False).network_address)
    return str(ip)


def _connecting_address(request: HttpRequest) -> str:
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    proxies = settings.NUM_PROXIES
    return hops[-proxies] if proxies and len(hops) >= proxies else request.META.get("REMOTE_ADDR", "")
