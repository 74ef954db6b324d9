# The ECS service that runs shortdrain behind an Application Load Balancer.

resource "aws_lb_target_group" "shortdrain" {
  name                 = "shortdrain"
  port                 = 8080
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  deregistration_delay = 5 # fast deploys
}

resource "aws_ecs_task_definition" "shortdrain" {
  family                   = "shortdrain"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    {
      name         = "shortdrain"
      image        = "${var.registry}/shortdrain:${var.release}"
      portMappings = [{ containerPort = 8080 }]
    }
  ])
}

resource "aws_ecs_service" "shortdrain" {
  name            = "shortdrain"
  cluster         = var.cluster
  task_definition = aws_ecs_task_definition.shortdrain.arn
  desired_count   = 3
  launch_type     = "FARGATE"

  load_balancer {
    target_group_arn = aws_lb_target_group.shortdrain.arn
    container_name   = "shortdrain"
    container_port   = 8080
  }
}

variable "vpc_id" { type = string }
variable "cluster" { type = string }
variable "registry" { type = string }
variable "release" { type = string }
