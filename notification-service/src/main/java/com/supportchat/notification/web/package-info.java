/** HTTP plumbing shared by the features: problem details for every failure. */
package com.supportchat.notification.web;
